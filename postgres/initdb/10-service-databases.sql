-- Run once by the postgres image when its data volume is new (docker-compose.postgres.yml). One database per
-- service, so that the three running side by side never see each other's objects or usage totals; each service's
-- Flyway migration creates its tables at startup.
CREATE DATABASE iomodels_classic OWNER iomodels;
CREATE DATABASE iomodels_loom OWNER iomodels;
CREATE DATABASE iomodels_webflux OWNER iomodels;
