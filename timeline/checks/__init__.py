"""The checks behind the rule catalog: article rules (one article's claims) and official rules (one
official's event graph), the registry that names them, the catalog that documents them, and the runner
that turns their typed drafts into findings."""
