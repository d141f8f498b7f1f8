"""(to be filled)"""

app_name = "boutique"

urlpatterns = []
