from django.http import Http404


def refuse_nul_in_path(get_response):
    """A path with a NUL character names no page; PostgreSQL would refuse it in a query (a 500),
    so it is a 404 before any view runs. The REST API checks its path codes itself and answers
    in its own JSON error shape."""

    def middleware(request):
        if "\x00" in request.path and not request.path.startswith("/api/"):
            raise Http404
        return get_response(request)

    return middleware
