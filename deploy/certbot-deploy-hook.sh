#!/bin/sh
# /etc/letsencrypt/renewal-hooks/deploy/tooddoc-hub: after certbot renews the certificate,
# gives coturn a copy it can read and has nginx and coturn pick it up (docs/deploy-hub.md).
#
# certbot sets RENEWED_LINEAGE (/etc/letsencrypt/live/<name>). Run it once by hand after the
# first certificate:  RENEWED_LINEAGE=/etc/letsencrypt/live/hub.example.be sh <this file>
set -eu

: "${RENEWED_LINEAGE:?certbot sets RENEWED_LINEAGE; set it by hand for a first run}"

# coturn runs as the turnserver user, which cannot read /etc/letsencrypt/live: a copy.
install -d -m 0750 -o root -g turnserver /etc/coturn/tls
install -m 0644 -o root -g turnserver "$RENEWED_LINEAGE/fullchain.pem" /etc/coturn/tls/fullchain.pem
install -m 0640 -o root -g turnserver "$RENEWED_LINEAGE/privkey.pem" /etc/coturn/tls/privkey.pem

# nginx re-reads its certificate on reload; coturn on SIGUSR2, without dropping relayed calls.
systemctl reload nginx.service
systemctl kill --signal=SIGUSR2 coturn.service || true
