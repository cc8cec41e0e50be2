-- Runs the plugin's pure rules (idle rule, typed-character buckets, journal lines) on a script of timed operations
-- given by the test, in a real Neovim with a fake clock, and writes what they produced as JSON.
local tracker = require('hands-on.tracker')
local counts = require('hands-on.counts')
local records = require('hands-on.records')

local input = io.open(os.getenv('HANDS_ON_RULES_IN'), 'r')
local script = vim.json.decode(input:read('*a'))
input:close()

local user = tracker.new(script.timeout_ms)
local typed = counts.new()
local takes, lines, buckets = {}, {}, {}

for _, op in ipairs(script.ops) do
  if op.op == 'record' then
    user:record(op.t)
  elseif op.op == 'typed' then
    user:record(op.t)
    typed:typed(op.t)
  elseif op.op == 'tick' then
    user:tick(op.t)
  elseif op.op == 'focus' then
    user:set_focused(op.on)
  elseif op.op == 'context' then
    local language, workspace = records.context_value(op.l), records.context_value(op.w)
    user:set_context(op.t, language, workspace)
    typed:set_language(language)
  elseif op.op == 'take' or op.op == 'finish' then
    local spans = op.op == 'take' and user:take(op.t) or user:finish(op.t)
    takes[#takes + 1] = spans
    for _, span in ipairs(spans) do
      lines[#lines + 1] = records.span_line(span, op.agent)
    end
    for _, bucket in ipairs(typed:take(op.t)) do
      buckets[#buckets + 1] = bucket
      lines[#lines + 1] = records.characters_line(bucket, script.id)
    end
  end
end

local output = io.open(os.getenv('HANDS_ON_RULES_OUT'), 'w')
output:write(vim.json.encode({ takes = takes, lines = lines, buckets = buckets }))
output:close()
