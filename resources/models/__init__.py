"""Models of the resource catalogue, split by topic and re-exported here."""

from .collections import CollectionIndexPage, CollectionItem, CollectionPage
from .downloads import Download
from .packages import CollectionPackage, Package
from .pages import ResourceFile, ResourceIndexPage, ResourcePage, ResourcePreview, ResourceTag
from .ratings import Rating
from .taxonomies import (
    Course,
    DigitalCompetencyDimension,
    Discipline,
    EducationLevel,
    ResourceType,
    TaxonomyTerm,
)

__all__ = [
    "CollectionIndexPage",
    "CollectionItem",
    "CollectionPackage",
    "CollectionPage",
    "Course",
    "DigitalCompetencyDimension",
    "Discipline",
    "Download",
    "EducationLevel",
    "Package",
    "Rating",
    "ResourceFile",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourcePreview",
    "ResourceTag",
    "ResourceType",
    "TaxonomyTerm",
]
