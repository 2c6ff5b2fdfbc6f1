"""Cross-origin reads of the public API: any site may read it from a browser (the embeddable components do),
no site may write through it. Reads carry no credentials, so `*` discloses nothing a plain request would not."""

from django.http import HttpResponse

API_PREFIX = "/api/v1/"
READS = ("GET", "HEAD")
# Request headers a partner's script may send on a read (beyond the CORS-safelisted ones), and the response
# headers it may read (beyond the safelisted ones, which include Content-Language and Last-Modified).
ALLOWED_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
EXPOSED_HEADERS = "ETag, Retry-After"


class OpenReadsMiddleware:
    """Access-Control-Allow-Origin: * on the API's reads, and an answer to the preflight of a read; writes and
    the site's pages get no CORS header at all, so browsers keep other origins from using them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            return self.preflight(request)
        response = self.get_response(request)
        if request.method in READS:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response

    def preflight(self, request):
        response = HttpResponse(status=204)
        if request.META["HTTP_ACCESS_CONTROL_REQUEST_METHOD"].upper() in READS:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = ", ".join(READS)
            response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response["Access-Control-Max-Age"] = "86400"
        return response
