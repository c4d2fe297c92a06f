if redis.replicate_commands then pcall(redis.replicate_commands) end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local bad = ''
local function finite(x) return x ~= nil and x == x and x ~= math.huge and x ~= -math.huge end
local function kind_of(key)
  local k = redis.call('TYPE', key)
  if type(k) == 'table' then k = k['ok'] end
  return k
end
