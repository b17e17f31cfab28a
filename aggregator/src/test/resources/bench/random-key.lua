-- wrk script: GET a random one of the QueryBench keys (subject-0/indicator .. subject-9999/indicator)
math.randomseed(42)
request = function()
  return wrk.format("GET", "/indicators/subject-" .. math.random(0, 9999) .. "/indicator")
end
