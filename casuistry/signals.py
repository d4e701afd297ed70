"""Signal receivers of the casuistry app (connected in CasuistryConfig.ready)."""
