-- wrk script: each request asks for the next of a file of distinct valid states (bench/states.py),
-- so responses are computed, not served from the simulation memo. Arguments: the states file, and
-- optionally a total number of requests after which to stop (the soak run).
local queries = {}
local counter = 0
local limit = nil
local threads = 2

function init(args)
  for line in io.lines(args[1]) do queries[#queries + 1] = line end
  if args[2] then limit = tonumber(args[2]) / threads end
end

local done = 0
response = function(status, headers, body)
  done = done + 1
  if limit and done >= limit then
    wrk.thread:stop()
  end
end

request = function()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "?" .. queries[(counter % #queries) + 1])
end
