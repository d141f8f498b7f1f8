"""(to be filled)"""

app_name = "sales"

urlpatterns = []
