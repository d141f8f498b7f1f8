"""The editorial set-up: the « Éditeurs » group with its permissions, and the « Révision
éditoriale » workflow every page goes through before publication.

Written against an app registry so that the data migration (historical models) and the demo
command (real models, e.g. after a test flushed the database) share it. Idempotent."""

from accounts.roles import EDITORS_GROUP

WORKFLOW_NAME = "Révision éditoriale"
TASK_NAME = "Approbation éditoriale"

PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")
SNIPPET_MODELS = (
    ("resources", "discipline"),
    ("resources", "course"),
    ("resources", "educationlevel"),
    ("resources", "resourcetype"),
    ("resources", "digitalcompetencydimension"),
    ("resources", "rating"),
)
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "image", ("add", "change", "choose")),
    ("wagtaildocs", "document", ("add", "change", "choose")),
)


def ensure_editorial_setup(apps) -> None:
    """Create what is missing of the group, its permissions and the workflow."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    def permission(app_label, model, codename):
        # Permissions are normally created after migrations; a data migration creates its own.
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        perm, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.replace('_', ' ')}"},
        )
        return perm

    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    editors.permissions.add(permission("wagtailadmin", "admin", "access_admin"))
    for app_label, model in SNIPPET_MODELS:
        for action in ("add", "change", "delete", "view"):
            editors.permissions.add(permission(app_label, model, f"{action}_{model}"))

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        for action in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors,
                page=root,
                permission=permission("wagtailcore", "page", f"{action}_page"),
            )
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is not None:
        for app_label, model, actions in COLLECTION_PERMISSIONS:
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=editors,
                    collection=root_collection,
                    permission=permission(app_label, model, f"{action}_{model}"),
                )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(editors)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
