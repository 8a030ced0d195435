"""Argument checks shared by every backend's `math` table (one message each)."""
