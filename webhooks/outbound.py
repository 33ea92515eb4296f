"""One POST to a partner's endpoint, never to this machine or its private network.

The name is resolved here and the connection made to the very address that was checked, so
a DNS answer that changes between the check and the request (rebinding) cannot slip in;
redirects are not followed. WEBHOOKS_ALLOW_PRIVATE_ADDRESSES lets tests and development
post to a local receiver; it is off whenever DEBUG is.
"""

import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

TIMEOUT_SECONDS = 10  # a partner silent this long, connecting or answering, has failed
TRIED_ADDRESSES = 2  # a name with many dead addresses holds the worker no longer
KEPT_ANSWER_BYTES = 1024  # enough to read an error page's first lines; the rest is dropped


class Refused(Exception):
    """Nothing was sent: the reason is in the message."""


# IPv6 ranges that carry an IPv4 address in their last 32 bits (NAT64, IPv4-translated and
# IPv4-compatible): that address must be public too.
IPV4_INSIDE = [ipaddress.ip_network(n) for n in ("64:ff9b::/96", "::ffff:0:0:0/96", "::/96")]
NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # its embedding varies: refused


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])  # an IPv6 zone, as fe80::1%eth0
    if isinstance(ip, ipaddress.IPv4Address):
        return ip.is_global and not ip.is_multicast
    if ip.is_site_local or ip.is_multicast or ip in NAT64_LOCAL:
        return False
    inside = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    inside += [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) for net in IPV4_INSIDE if ip in net]
    if not all(is_public(str(v4)) for v4 in inside if v4 is not None):
        return False
    return ip.is_global or bool(ip.ipv4_mapped or ip in IPV4_INSIDE[0])


def addresses(host: str, port: int) -> list[str]:
    """The host's addresses; Refused unless every one of them is public."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise Refused(_("The name %(host)s does not resolve.") % {"host": host}) from None
    found = list(dict.fromkeys(answer[4][0] for answer in answers))
    if not settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES:
        private = [address for address in found if not is_public(address)]
        if private:
            raise Refused(
                _("%(host)s leads to %(address)s, a private or local address: not sent.")
                % {"host": host, "address": private[0]}
            )
    return found


def connected(address: str, port: int, tls: bool, host: str) -> socket.socket:
    sock = socket.create_connection((address, port), timeout=TIMEOUT_SECONDS)
    if not tls:
        return sock
    try:
        return ssl.create_default_context().wrap_socket(sock, server_hostname=host)
    except BaseException:
        sock.close()
        raise


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    """(status code, the answer's first bytes); Refused, or OSError when it cannot connect."""
    parts = urlsplit(url)
    tls = parts.scheme == "https"
    port = parts.port or (443 if tls else 80)
    host = parts.hostname or ""
    found = addresses(host, port)
    last_error = None
    for address in found[:TRIED_ADDRESSES]:
        try:
            sock = connected(address, port, tls, host)
            break
        except OSError as error:
            last_error = error
    else:
        raise last_error or OSError(_("No address to connect to."))
    kind = http.client.HTTPSConnection if tls else http.client.HTTPConnection
    connection = kind(host, port, timeout=TIMEOUT_SECONDS)
    connection.sock = sock  # already connected to the address checked above
    try:
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        connection.request("POST", path, body=body, headers=headers)
        answer = connection.getresponse()
        text = answer.read(KEPT_ANSWER_BYTES).decode("utf-8", "replace")
        if 300 <= answer.status < 400:
            where = answer.getheader("Location", "")
            text = _("Redirected to %(where)s: redirects are not followed.") % {"where": where}
        return answer.status, text
    finally:
        connection.close()
