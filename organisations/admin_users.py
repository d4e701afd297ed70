"""Wagtail's user admin inside one organisation: a Beheerder lists, edits and deletes only the users
of their own organisation, and a user they create joins it. Superusers manage every organisation."""

from __future__ import annotations

from django.http import Http404
from wagtail.users.views import users

from .models import Membership, Organisation
from .selectors import organisation_of


def same_organisation(actor, users_qs):
    if actor.is_superuser:
        return users_qs
    organisation = organisation_of(actor)
    if organisation is None:
        # Without organisations the installation is one organisation, as before; with them, a
        # Beheerder who belongs to none manages only themself until a superuser links them.
        return users_qs if not Organisation.objects.exists() else users_qs.filter(pk=actor.pk)
    return users_qs.filter(membership__organisation=organisation)


class IndexView(users.IndexView):
    def get_base_queryset(self):
        return same_organisation(self.request.user, super().get_base_queryset())


class _OwnOrganisationOnly:
    def get_object(self, queryset=None):
        found = super().get_object(queryset)
        if not same_organisation(self.request.user, type(found)._default_manager.filter(pk=found.pk)).exists():
            raise Http404  # another organisation's user: not even confirmed to exist
        return found


class EditView(_OwnOrganisationOnly, users.EditView):
    pass


class DeleteView(_OwnOrganisationOnly, users.DeleteView):
    pass


class HistoryView(_OwnOrganisationOnly, users.HistoryView):
    pass


class CreateView(users.CreateView):
    def save_instance(self):
        user = super().save_instance()
        organisation = organisation_of(self.request.user)
        if organisation is not None:
            Membership.objects.update_or_create(user=user, defaults={"organisation": organisation})
        return user


class UserViewSet(users.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
