"""Only valid page trees can be built."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from resources.models import CollectionIndexPage, CollectionPage, ResourceIndexPage, ResourcePage


class PageTreeTests(WagtailPageTestCase):
    def test_home_page_goes_only_under_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_go_under_the_home_page_or_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_allowed_children(self):
        self.assertAllowedSubpageTypes(
            HomePage, {StandardPage, ResourceIndexPage, CollectionIndexPage}
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_resources_go_only_under_the_resource_index(self):
        self.assertCanCreateAt(HomePage, ResourceIndexPage)
        self.assertCanCreateAt(ResourceIndexPage, ResourcePage)
        self.assertCanNotCreateAt(HomePage, ResourcePage)
        self.assertCanNotCreateAt(StandardPage, ResourcePage)
        self.assertCanNotCreateAt(ResourcePage, ResourcePage)
        self.assertCanNotCreateAt(StandardPage, ResourceIndexPage)
        self.assertAllowedSubpageTypes(ResourcePage, set())

    def test_collections_go_only_under_the_collection_index(self):
        self.assertCanCreateAt(HomePage, CollectionIndexPage)
        self.assertCanCreateAt(CollectionIndexPage, CollectionPage)
        self.assertCanNotCreateAt(HomePage, CollectionPage)
        self.assertCanNotCreateAt(ResourceIndexPage, CollectionPage)
        self.assertCanNotCreateAt(CollectionIndexPage, ResourcePage)
