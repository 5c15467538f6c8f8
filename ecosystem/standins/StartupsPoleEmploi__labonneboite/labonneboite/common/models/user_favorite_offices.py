"""Stand-in for `labonneboite.common.models.user_favorite_offices`: `UserFavoriteOffice` (table
`user_favorite_offices`), mapped to the columns revision c519ecaf1fa6 reads and writes."""
import sqlalchemy as sa

from labonneboite.common.models.base import Base, CRUDMixin


class UserFavoriteOffice(CRUDMixin, Base):
    __tablename__ = 'user_favorite_offices'
    id = sa.Column(sa.Integer, primary_key=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey('users.id'), nullable=False)
    office_siret = sa.Column(sa.String(191), nullable=False)
