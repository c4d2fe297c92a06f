local PLAN = tonumber(ARGV[1])
local BURST = tonumber(ARGV[2])
local MARGIN = tonumber(ARGV[3])
local IDLE_MS = tonumber(ARGV[4])
local ADAPT = ARGV[5] == '1'
local HORIZON = tonumber(ARGV[6]) * 1000000
local FACTOR = tonumber(ARGV[7])
local MAX_TTL_MS = tonumber(ARGV[8])
local kind = kind_of(KEYS[1])
if kind ~= 'none' and kind ~= 'hash' then
  redis.call('DEL', KEYS[1])
  bad = bad .. ' type=' .. kind
end
if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], MAX_TTL_MS) end  -- never without a TTL
local s = redis.call('HMGET', KEYS[1], 't', 'ts', 'hr', 'h')
local rate = PLAN
if s[3] then
  local hr = tonumber(s[3])
  if not (finite(hr) and hr >= PLAN / FACTOR * (1 - 1e-9) and hr <= PLAN * FACTOR * (1 + 1e-9)) then
    redis.call('HDEL', KEYS[1], 'hr')
    bad = bad .. ' hr'
  elseif ADAPT then
    rate = hr
  end
end
local capacity = math.max(1, BURST - MARGIN * rate)
local tokens = tonumber(s[1])
local ts = tonumber(s[2])
if s[1] or s[2] then
  if not (finite(tokens) and finite(ts)) or tokens < -(rate * HORIZON / 1000000) - 1 then
    tokens = 0
    ts = now
    bad = bad .. ' t'
  end
  if ts > now + 60000000 then bad = bad .. ' ts' end  -- a minute ahead of this server: not a clock step
  if ts > now then ts = now end
  if tokens > capacity then tokens = capacity end
  tokens = math.min(capacity, tokens + (now - ts) * rate / 1000000)
else
  tokens = nil
end
local holes = {}
if s[4] and s[4] ~= '' then
  for part in string.gmatch(s[4], '[^,]+') do
    local due = tonumber(part)
    if not finite(due) or due > now + HORIZON then
      bad = bad .. ' h'
      holes = {}
      break
    end
    if due >= now then table.insert(holes, due) end
  end
  table.sort(holes)
end
