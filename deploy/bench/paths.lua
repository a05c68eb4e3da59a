-- wrk script: cycles through request paths read from a file, one path a line, so that the server answers many
-- different documents rather than one over and over. Every thread starts at a different place in the list.
-- Usage: wrk ... -s paths.lua http://127.0.0.1:PORT -- PATHS_FILE [PREFIX]
-- PREFIX is put before every path (the nginx caching proxy is reached under /cached/).

local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local paths = {}
local i = 0

function init(args)
  local file, prefix = args[1], args[2] or ""
  if file == nil then error("paths.lua: give the paths file after --") end
  for line in io.lines(file) do
    if line ~= "" then paths[#paths + 1] = prefix .. line end
  end
  if #paths == 0 then error("paths.lua: no paths in " .. file) end
  i = ((id or 0) * 7919) % #paths
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
