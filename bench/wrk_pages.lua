-- wrk script for the serve benchmark (bench/run.py): asks for random 1000-product pages
-- of the Affili webhook, optionally with filters, so the server cannot answer from one
-- hot page. Pages are drawn from 1..LAST with a fixed seed per wrk thread.
--   wrk -t1 -c1 -d10s --latency -s bench/wrk_pages.lua http://127.0.0.1:PORT -- LAST "&in_stock=true"
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  last = tonumber(args[1]) or 1
  query = args[2] or ""
  math.randomseed(1000 + (id or 0))
end

function request()
  local page = math.random(1, last)
  return wrk.format("GET", "/affili/products?per_page=1000&page=" .. page .. query)
end
