-- wrk script: each request asks for the next line of a file (bench/states.py): a query string for
-- the URL's path, or (a line starting with /) a whole path. Arguments: the file, optionally a total
-- number of requests after which to stop (the soak run), optionally "gzip" to accept gzip as
-- browsers do, and optionally a path: each thread that has made its share of the requests creates
-- PATH.<thread> (wrk itself runs for its whole -d; bench/wrk_until.sh stops it then).
local queries = {}
local counter = 0
local limit = nil
local threads = 2
local started = 0

-- Threads take interleaved lines (0, 2, 4... and 1, 3, 5...), so a trace is replayed once, not per thread.
function setup(thread)
  thread:set("id", started)
  started = started + 1
end

function init(args)
  counter = id or 0
  for line in io.lines(args[1]) do queries[#queries + 1] = line end
  if args[2] and args[2] ~= "" then limit = tonumber(args[2]) / threads end
  if args[3] == "gzip" then wrk.headers["Accept-Encoding"] = "gzip, deflate, br" end
  marker = args[4]
end

local done = 0
response = function(status, headers, body)
  done = done + 1
  if limit and done >= limit then
    if marker then io.open(marker .. "." .. (id or 0), "w"):close() end
    wrk.thread:stop()
  end
end

request = function()
  local line = queries[(counter % #queries) + 1]
  counter = counter + threads
  if line:sub(1, 1) == "/" then return wrk.format("GET", line) end
  return wrk.format("GET", wrk.path .. "?" .. line)
end
