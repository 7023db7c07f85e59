"""Named Cypher and SPARQL templates, the engines that run them, and the explainer.

Builds on :mod:`graph` and :mod:`ontology`; never imports :mod:`loaders`.
"""
