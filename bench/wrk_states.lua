-- wrk script: every request asks for a different slider state of the page's first widget, so
-- responses are computed (not served from the simulation memo). Optional argument: stop after
-- that many requests in total (split across threads), for the soak run.
local counter = 0
local limit = nil
local threads = 2

function init(args)
  if args[1] then limit = tonumber(args[1]) / threads end
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
  local path = wrk.path
  local query
  if path:find("walkthrough") then
    query = string.format("?lr=%.2f&step=%d&stay=%d", (counter % 20) * 0.05, counter % 7 + 1, counter % 60 + 1)
  elseif path:find("api") then
    query = string.format("?rlhf=%.1f&rlvr=%.1f&exchange=%d", (counter % 61) * 0.1, (counter % 37) * 0.1, (counter % 21) * 5)
  else
    query = string.format("?nice=%d&rlhf=%.1f&exchange=%d", counter % 101, (counter % 61) * 0.1, (counter % 21) * 5)
  end
  return wrk.format("GET", path .. query)
end
