// The key that encrypts the credential-signing key comes from the environment, as a deployment sets
// it: no test writes a key file under the data folder.
process.env['BANGKOM_SIGNING_SECRET'] ??= Buffer.alloc(32, 3).toString('base64');
