-- Start `glossary lsp` from Neovim (headless), open a file, hover, print the card, quit.
-- GLOSSARY_LSP_CMD: the server command as a JSON list; GLOSSARY_LSP_FILE: the file to open;
-- GLOSSARY_LSP_POSITION: "line,character" (0-based, UTF-16) to hover at.
local cmd = vim.fn.json_decode(os.getenv("GLOSSARY_LSP_CMD"))
local file = os.getenv("GLOSSARY_LSP_FILE")
local line, character = os.getenv("GLOSSARY_LSP_POSITION"):match("(%d+),(%d+)")

local function finish(text, code)
  io.stdout:write(text .. "\n")
  io.stdout:flush()
  vim.cmd(code == 0 and "qa!" or "cq!")
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local config = { name = "glossary", cmd = cmd, root_dir = vim.fn.fnamemodify(file, ":p:h") }
local client_id
if vim.lsp.start then -- Neovim 0.8 and later
  client_id = vim.lsp.start(config)
else -- 0.7
  client_id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(0, client_id)
end

local ready = vim.wait(30000, function()
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.initialized and vim.lsp.buf_is_attached(0, client_id)
end, 50)
if not ready then
  finish("error: glossary lsp did not start", 1)
  return
end

local params = {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  position = { line = tonumber(line), character = tonumber(character) },
}
local responses = vim.lsp.buf_request_sync(0, "textDocument/hover", params, 30000)
for _, response in pairs(responses or {}) do
  if response.err then
    finish("error: " .. vim.inspect(response.err), 1)
    return
  end
  if response.result then
    finish(response.result.contents.value, 0)
    return
  end
end
finish("no hover", 1)
