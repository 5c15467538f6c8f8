-- Headless Neovim as an editor user: open a revision, start `idemlint server` with Neovim's built-in
-- LSP client, wait for its diagnostics, apply the code action of the first one, save, and wait for
-- the diagnostics to go. Written for Neovim 0.7 (Debian bookworm), whose client has start_client but
-- not vim.lsp.start. Reads IDEMLINT_FILE, IDEMLINT_ROOT, IDEMLINT_CMD (a JSON list) and writes what
-- it saw as JSON to IDEMLINT_OUT.
local out = { steps = {} }
local function finish(status)
  out.status = status
  local f = io.open(os.getenv("IDEMLINT_OUT"), "w")
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("IDEMLINT_FILE")))
  local client_id = vim.lsp.start_client({
    name = "idemlint",
    cmd = vim.fn.json_decode(os.getenv("IDEMLINT_CMD")),
    root_dir = os.getenv("IDEMLINT_ROOT"),
  })
  vim.lsp.buf_attach_client(0, client_id)
  if not vim.wait(90000, function() return #vim.diagnostic.get(0) > 0 end, 50) then
    return finish("no diagnostics")
  end
  local d = vim.diagnostic.get(0)[1]
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(out.steps, { diagnostic = code, line = d.lnum, col = d.col, message = d.message })
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(0),
    range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = {} },
  }
  local responses = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 30000) or {}
  local action
  for _, r in pairs(responses) do
    for _, a in ipairs(r.result or {}) do
      action = action or a
    end
  end
  if not action then
    return finish("no code action")
  end
  table.insert(out.steps, { action = action.title })
  vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
  vim.cmd("write")
  if not vim.wait(90000, function() return #vim.diagnostic.get(0) == 0 end, 50) then
    return finish("diagnostics stayed after the fix")
  end
  table.insert(out.steps, { cleared = true })
  vim.lsp.stop_client(client_id)
  finish("ok")
end)
if not ok then
  finish("error: " .. tostring(err))
end
