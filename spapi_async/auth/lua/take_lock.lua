local bad = ''
if kind ~= 'none' and kind ~= 'string' then
  redis.call('DEL', KEYS[1])
  bad = 'type=' .. kind
elseif kind == 'string' then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 or ttl > tonumber(ARGV[2]) then
    redis.call('DEL', KEYS[1])
    bad = 'ttl=' .. ttl
  end
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {1, bad} end
return {0, bad}
