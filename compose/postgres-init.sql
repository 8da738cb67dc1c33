-- One database per service, all owned by the compose user (each service migrates its own with Flyway).
CREATE DATABASE orders OWNER hookline;
CREATE DATABASE dispatcher OWNER hookline;
CREATE DATABASE receiver OWNER hookline;
