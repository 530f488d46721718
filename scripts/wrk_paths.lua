-- wrk script: requests the paths listed in the file named by $WRK_PATHS (one per line),
-- in turn, so that a load test covers many entities or queries instead of one.
--
--   python3 scripts/api_paths.py DB > /tmp/paths.txt
--   WRK_PATHS=/tmp/paths.txt wrk -t2 -c16 -d10s --latency -s scripts/wrk_paths.lua http://127.0.0.1:18080
local paths = {}
local file = assert(io.open(os.getenv("WRK_PATHS"), "r"))
for line in file:lines() do
  if #line > 0 then paths[#paths + 1] = line end
end
file:close()
local counter = 0

function setup(thread)
  -- The second wrk thread starts half the list further: with -t2, a path is not
  -- asked twice until each thread has gone through its half.
  thread:set("offset", counter)
  counter = counter + math.floor(#paths / 2)
end

local n = 0
function request()
  n = n + 1
  return wrk.format("GET", paths[((n + (offset or 0)) % #paths) + 1])
end
