"""Account pages under /<lang>/compte/ (allauth serves sign-up, log-in and e-mail pages there)."""
