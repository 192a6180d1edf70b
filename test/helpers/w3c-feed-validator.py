"""Runs the vendored W3C Feed Validation Service code (vendor/w3c-feedvalidator) the way the online service does
when given a feed's URL, and prints what it would report as JSON.

The online service (check.cgi) calls feedvalidator.validateURL(url, firstOccurrenceOnly=1), keeps the events
compatibility.AA passes (errors and warnings; Info is dropped) and words each with the en i18n messages
(formatter/text_xml.py in its SOAP output). This script does exactly that, except that the HTTP fetch is answered
from the bytes and headers given here instead of the network: validateURL itself still reads the Content-Type,
Content-Encoding and URL (base and self URI) as it would from the real server.

Usage:
  w3c-feed-validator.py URL [FILE] [--content-type TYPE]   one document (FILE or stdin), one JSON object out
  w3c-feed-validator.py --batch                            stdin: a JSON array of {url, finalUrl, contentType,
                                                           body} (finalUrl: where redirects from url ended; body:
                                                           base64 of the exact bytes); out: a JSON array
"""

import base64
import email
import http.client
import io
import json
import os
import sys
import urllib.request
import urllib.response

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'vendor', 'w3c-feedvalidator'))

import feedvalidator  # noqa: E402
from feedvalidator import compatibility  # noqa: E402
from feedvalidator.formatter.base import BaseFormatter  # noqa: E402
from feedvalidator.logging import Error, ValidationFailure  # noqa: E402

# The document the next urlopen answers with: {url: (headers text, body bytes, URL after redirects)}.
_served = {}


def _urlopen(request, *args, **kwargs):
    """Answers validateURL's one GET from _served, as an HTTP 200 from that URL."""
    url = request.get_full_url() if hasattr(request, 'get_full_url') else request
    headers_text, body, final_url = _served[url]
    headers = email.message_from_string(headers_text, _class=http.client.HTTPMessage)
    return urllib.response.addinfourl(io.BytesIO(body), headers, final_url, 200)


urllib.request.urlopen = _urlopen


_POSITION = ('line', 'column', 'backupline', 'backupcolumn', 'msgcount')


class _Words(BaseFormatter):
    """The validator's own wording (i18n/en.py), as its text and SOAP formatters use it."""

    def format(self, event):
        params = {
            k: v for k, v in event.params.items() if isinstance(v, (str, int, float)) and k not in _POSITION
        }
        return {
            'type': event.__class__.__name__,
            'level': 'error' if isinstance(event, Error) else 'warning',
            'line': event.params.get('line'),
            'column': event.params.get('column'),
            'text': self.getMessage(event),
            'count': event.params.get('msgcount', 1),
            'params': params,
        }


def validate(url, body, content_type, final_url=None):
    headers = 'Content-Type: %s\n' % content_type if content_type else ''
    _served[url] = (headers, body, final_url or url)
    try:
        result = feedvalidator.validateURL(url, firstOccurrenceOnly=1, wantRawData=0)
        events = result['loggedEvents']
        feed_type = result.get('feedType')
    except ValidationFailure as failure:
        events = [failure.event]
        feed_type = None
    finally:
        del _served[url]
    words = _Words(compatibility.AA(events))
    return {
        'url': url,
        'feedType': feed_type,
        'errors': words.getErrors(),
        'warnings': words.getWarnings(),
    }


def main(argv):
    if argv[1:] == ['--batch']:
        documents = json.load(sys.stdin)
        out = [validate(d['url'], base64.b64decode(d['body']), d.get('contentType'), d.get('finalUrl')) for d in documents]
    else:
        args = argv[1:]
        content_type = None
        if '--content-type' in args:
            at = args.index('--content-type')
            content_type = args[at + 1]
            del args[at : at + 2]
        if len(args) not in (1, 2):
            sys.exit(__doc__)
        if len(args) == 2:
            with open(args[1], 'rb') as f:
                body = f.read()
        else:
            body = sys.stdin.buffer.read()
        out = validate(args[0], body, content_type)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main(sys.argv)
