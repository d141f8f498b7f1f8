"""Wagtail's user admin, with our fields (membership, profile) on its forms."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAdminConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.admin_views.UserViewSet"
