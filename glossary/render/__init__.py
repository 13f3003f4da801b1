"""(docstring added in the next commit)"""
