if kind == 'none' then return {'', ''} end
if kind ~= 'string' then
  redis.call('DEL', KEYS[1])
  return {'', 'type=' .. kind}
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 or ttl > tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[1])
  return {'', 'ttl=' .. ttl}
end
return {redis.call('GET', KEYS[1]), ''}
