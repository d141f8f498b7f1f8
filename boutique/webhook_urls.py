"""(to be filled)"""

app_name = "stripe_webhooks"

urlpatterns = []
