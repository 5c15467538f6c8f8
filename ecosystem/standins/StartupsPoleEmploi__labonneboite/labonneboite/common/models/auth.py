"""Stand-in for `labonneboite.common.models.auth`: `User` (table `users`) and `UserSocialAuth` (table
`social_auth_usersocialauth`, social-auth's), mapped to the columns revision c519ecaf1fa6 reads."""
import sqlalchemy as sa
from sqlalchemy.orm import relationship

from labonneboite.common.models.base import Base, CRUDMixin


class User(CRUDMixin, Base):
    __tablename__ = 'users'
    id = sa.Column(sa.Integer, primary_key=True)
    external_id = sa.Column(sa.String(191), nullable=True)
    favorite_offices = relationship('UserFavoriteOffice')


class UserSocialAuth(CRUDMixin, Base):
    __tablename__ = 'social_auth_usersocialauth'
    id = sa.Column(sa.Integer, primary_key=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey('users.id'))
