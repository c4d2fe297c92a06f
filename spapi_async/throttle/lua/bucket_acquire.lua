redis.call('HSET', KEYS[1], 'r', ARGV[1], 'b', ARGV[2], 'm', ARGV[3])
if tokens == nil then tokens = capacity end
local wait = 0
local reserved = 1
if #holes > 0 then
  wait = table.remove(holes, 1) - now
else
  local after = tokens - 1
  if after < -0.000000001 then wait = math.ceil(-after * 1000000 / rate) end
  if wait > HORIZON then
    wait = HORIZON
    reserved = 0
  else
    tokens = after
  end
end
save(tokens)
expire(tokens)
return {now, wait, string.format('%.17g', rate), reserved, bad}
