local function save(tokens)
  local h = {}
  for i = 1, math.min(#holes, 1000) do h[i] = string.format('%.0f', holes[i]) end
  redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'ts', string.format('%.0f', now),
    'h', table.concat(h, ','))
end
local function expire(tokens)
  if redis.call('EXISTS', KEYS[1]) == 0 then return end
  local ttl = IDLE_MS
  if tokens ~= nil then ttl = ttl + math.ceil((capacity - tokens) * 1000 / rate) end
  if #holes > 0 then ttl = math.max(ttl, IDLE_MS + math.ceil((holes[#holes] - now) / 1000)) end
  redis.call('PEXPIRE', KEYS[1], math.max(1000, math.min(ttl, MAX_TTL_MS)))
end
