from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from jeugdhulp.web.navigation import items_for


@login_required
def home(request):
    return render(request, "web/home.html", {"taken": items_for(request.user)})
