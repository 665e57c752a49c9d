-- wrk: each request a search of the API, taken in turn from common, rare and phrase queries.
local queries = {
  "oil+prices", "interest+rates", "%22Bank+of+England%22", "coffee", "OPEC", "tariffs+Japan",
  "wheat+exports", "dollar+yen", "NEAR(trade+deficit%2C+5)", "gold", "takeover+bid", "strike",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?q=" .. queries[(i % #queries) + 1])
end
