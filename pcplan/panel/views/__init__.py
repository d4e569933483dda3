"""The Panel's pages, one module per group; `access` is the one way in."""
