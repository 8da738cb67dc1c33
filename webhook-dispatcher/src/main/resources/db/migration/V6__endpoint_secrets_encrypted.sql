-- Endpoint secrets are stored encrypted (docs/security.md, "Secrets at rest"): enc:v1:<key-id>:<base64 of IV,
-- ciphertext and tag>, about 150 characters for a generated whsec_ secret; room for longer key ids and secrets.
-- Rows from before stay clear text until the dispatcher's re-encryption loop encrypts them, right at startup.
alter table endpoint_secrets alter column secret set data type varchar(512);
