local mine = redis.call('ZSCORE', KEYS[1], ARGV[5])
if mine == false then return {now, 0, 0, bad} end
-- grants that count: everything in the window but reservations not confirmed yet ("r:"), which will count us
local granted = {}
local scored = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. string.format('%.0f', now - span),
  string.format('%.0f', now), 'WITHSCORES')
for i = 1, #scored, 2 do
  if string.sub(scored[i], 1, 2) ~= 'r:' then table.insert(granted, tonumber(scored[i + 1])) end
end
if #granted < limit then
  redis.call('ZREM', KEYS[1], ARGV[5])
  redis.call('ZADD', KEYS[1], string.format('%.0f', now), 'p:' .. string.sub(ARGV[5], 3))
  expire(now)
  return {now, 0, 1, bad}
end
local due = granted[#granted - limit + 1] + span
if due - now > HORIZON then due = now + HORIZON end
redis.call('ZADD', KEYS[1], string.format('%.0f', due), ARGV[5])
expire(due)
return {now, due - now, 1, bad}
