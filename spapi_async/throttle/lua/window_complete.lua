local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', string.format('%.0f', now))
for i = 1, #due do
  if string.sub(due[i], 1, 2) == 'p:' then
    redis.call('ZREM', KEYS[1], due[i])
    redis.call('ZADD', KEYS[1], string.format('%.0f', now), 'c:' .. string.sub(due[i], 3))
    break
  end
end
local at = now
if ARGV[5] == '1' then
  local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  if last[2] ~= nil then at = math.max(at, tonumber(last[2])) end
  local stamp = string.format('%.0f', at)
  for i = 1, limit do
    redis.call('ZADD', KEYS[1], stamp, 'fill:' .. stamp .. ':' .. i)
  end
end
expire(at)
return bad
