"""Member institutions seen from the inside: the local representative's page
(/<lang>/compte/etablissement/), institution licences and the monthly statements."""
