"""orchestrator.core.settings.llm_settings with the defaults of settings.py (EMBEDDING_DIMENSION 1536, the pgvector
extension created only when missing)."""
from types import SimpleNamespace

llm_settings = SimpleNamespace(EMBEDDING_DIMENSION=1536, LLM_FORCE_EXTENSION_MIGRATION=False)
