#!/usr/bin/env bash
# Writes a throw-away PKI for the loopback DQM test server into DIR:
#   ca.pem                    test CA (the one the server trusts and the client verifies with)
#   server.pem/server.key     server certificate for 127.0.0.1 and localhost
#   client.pem/client.key     client certificate signed by the test CA
#   client-encrypted.key      the same key, AES-encrypted with the passphrase in passphrase.txt
#   proxy.pem                 an RFC 3820 grid proxy signed by the client certificate, as
#                             X509_USER_PROXY holds it: proxy certificate, its key, user certificate
#   wrong-client.pem/.key     a client certificate signed by another CA
set -euo pipefail
dir=$1
mkdir -p "$dir"
cd "$dir"
ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)

ca() { openssl req -x509 "${ec[@]}" -keyout "$1.key" -out "$1.pem" -days 2 -subj "/CN=$2" 2>/dev/null; }
leaf() { # name, subject, issuer, extensions
  openssl req "${ec[@]}" -keyout "$1.key" -out "$1.csr" -subj "$2" 2>/dev/null
  printf '%s\n' "$4" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -CAcreateserial -out "$1.pem" -days 2 \
    -extfile "$1.ext" 2>/dev/null
  rm "$1.csr" "$1.ext"
}

ca ca "Test DQM CA"
ca other-ca "Some Other CA"
leaf server "/CN=localhost" ca "subjectAltName=IP:127.0.0.1,DNS:localhost
extendedKeyUsage=serverAuth"
leaf client "/DC=ch/DC=cern/OU=Users/CN=Test Shifter" ca "extendedKeyUsage=clientAuth"
leaf wrong-client "/CN=Intruder" other-ca "extendedKeyUsage=clientAuth"
echo "correct horse battery staple" > passphrase.txt
openssl pkey -in client.key -aes256 -passout file:passphrase.txt -out client-encrypted.key
openssl req "${ec[@]}" -keyout proxy.key -out proxy.csr -subj "/DC=ch/DC=cern/OU=Users/CN=Test Shifter/CN=1234567" 2>/dev/null
printf '%s\n' "proxyCertInfo=critical,language:id-ppl-inheritAll" "keyUsage=critical,digitalSignature,keyEncipherment" > proxy.ext
openssl x509 -req -in proxy.csr -CA client.pem -CAkey client.key -set_serial 1234567 -out proxy-cert.pem -days 1 \
  -extfile proxy.ext 2>/dev/null
cat proxy-cert.pem proxy.key client.pem > proxy.pem
rm proxy.csr proxy.ext proxy-cert.pem proxy.key
