local limit = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
local IDLE_MS = tonumber(ARGV[3])
local HORIZON = tonumber(ARGV[4]) * 1000000
local kind = kind_of(KEYS[1])
if kind ~= 'none' and kind ~= 'zset' then
  redis.call('DEL', KEYS[1])
  bad = bad .. ' type=' .. kind
elseif kind == 'zset' then
  local top = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  local low = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  local hi = tonumber(top[2])
  local lo = tonumber(low[2])
  if not (finite(hi) and finite(lo)) or hi > now + HORIZON + span then
    redis.call('DEL', KEYS[1])
    bad = bad .. ' scores'
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - span)
if redis.call('PTTL', KEYS[1]) == -1 then  -- never without a TTL
  redis.call('PEXPIRE', KEYS[1], IDLE_MS + math.ceil((HORIZON + span) / 1000))
end
local function expire(at)
  if redis.call('EXISTS', KEYS[1]) == 1 then
    redis.call('PEXPIRE', KEYS[1], math.max(1000, math.ceil((at - now + span) / 1000) + IDLE_MS))
  end
end
