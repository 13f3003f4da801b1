-- Start `glossary lsp` from Neovim (headless), open a file, hover, print the card, quit.
-- GLOSSARY_LSP_CMD: the server command as a JSON list; GLOSSARY_LSP_FILE: the file to open;
-- GLOSSARY_LSP_AT: the text whose first character to hover at (the position is counted in
-- the encoding the client and the server settled on, as Neovim counts it for `K`).
-- The server is started the way the README says for this Neovim: `vim.lsp.config` and
-- `vim.lsp.enable` from 0.11 on, `vim.lsp.start` in 0.8 to 0.10, `vim.lsp.start_client` in 0.7;
-- the form used is written to stderr ("form: ...").
local cmd = vim.fn.json_decode(os.getenv("GLOSSARY_LSP_CMD"))
local file = os.getenv("GLOSSARY_LSP_FILE")
local at = os.getenv("GLOSSARY_LSP_AT")

local function finish(text, code)
  io.stdout:write(text .. "\n")
  io.stdout:flush()
  vim.cmd(code == 0 and "qa!" or "cq!")
end

local form
if vim.fn.has("nvim-0.11") == 1 then
  form = "vim.lsp.config"
  -- the README's configuration, with the command under test
  vim.lsp.config("glossary", {
    cmd = cmd,
    filetypes = { "text", "markdown" },
    root_markers = { "glossary.toml", ".git" },
    init_options = { debounce = 300 },
  })
  vim.lsp.enable("glossary")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
else
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local config = { name = "glossary", cmd = cmd, root_dir = vim.fn.fnamemodify(file, ":p:h") }
  if vim.lsp.start then -- Neovim 0.8 to 0.10
    form = "vim.lsp.start"
    vim.lsp.start(config)
  else -- 0.7
    form = "vim.lsp.start_client"
    vim.lsp.buf_attach_client(0, vim.lsp.start_client(config))
  end
end
io.stderr:write("form: " .. form .. "\n")

local glossary
local function attached()
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = 0 })
    or vim.lsp.buf_get_clients(0)
  for _, client in pairs(clients) do
    if client.name == "glossary" and client.initialized then
      glossary = client
      return true
    end
  end
  return false
end

if not vim.wait(30000, attached, 50) then
  finish("error: glossary lsp did not start", 1)
  return
end

vim.fn.search(vim.fn.escape(at, "\\/.*$^~[]"))
local params = vim.lsp.util.make_position_params(0, glossary.offset_encoding)
io.stderr:write("encoding: " .. glossary.offset_encoding .. "\n")
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
