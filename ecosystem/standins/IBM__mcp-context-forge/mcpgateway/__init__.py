"""mcpgateway reduced to the modules its revisions import (mcp-context-forge at ecba50e482)."""
