local due = now
local n = redis.call('ZCARD', KEYS[1])
if n > 0 then
  local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  due = math.max(due, tonumber(last[2]))
end
if n >= limit then
  local bound = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
  due = math.max(due, tonumber(bound[2]) + span)
end
if due - now > HORIZON then return {now, HORIZON, 0, bad} end
local member = 'p:' .. ARGV[5]
if due > now then member = 'r:' .. ARGV[5] end
redis.call('ZADD', KEYS[1], string.format('%.0f', due), member)
expire(due)
return {now, due - now, 1, bad}
