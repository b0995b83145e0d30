from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from ambitionsgraf.organisations.access import get_organisation


@login_required
def organisation_log(request, code):
    get_organisation(request, code, manage=True)
    return HttpResponse("")  # placeholder: the log page comes next
